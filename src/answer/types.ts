import type { Lang } from "../text/index.js";

/** A citation exactly as DESIGN §3.2 specifies it; `quote` is verbatim from `file`. */
export interface Citation {
  docId: string;
  docNumber: string | null;
  title: string;
  date: string | null;
  task: number | null;
  section: string;
  lang: Lang;
  file: string;
  quote: string;
}

/** One answer, as shown to a user and as printed by `cadre ask --json`. */
export interface Answer {
  question: string;
  lang: Lang;
  found: boolean;
  answer: string;
  citations: Citation[];
}

/** What a conversation remembers between questions ("and task 5?"). */
export interface Conversation {
  docId: string | null;
}
