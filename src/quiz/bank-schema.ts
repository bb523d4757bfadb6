import { z } from "zod";
import { LANGS } from "../text/index.js";
import { LIMITS } from "./types.js";

/**
 * The shape of a curated bank file (docs/quiz-bank.md), in zod. Limits are those of DESIGN §3.4;
 * `answer` counts options from 1, as a trainer does.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** One question of a bank file. */
export const BankQuestion = z
  .object({
    id: z.string().trim().min(1).max(64).optional(),
    kind: z.string().trim().min(1).max(40).optional(),
    lang: z.enum(LANGS).optional(),
    question: text(LIMITS.question),
    options: z.array(text(LIMITS.option)).min(LIMITS.minOptions).max(LIMITS.maxOptions),
    answer: z.union([z.int().min(1), z.array(z.int().min(1)).min(1)]),
    explanation: text(LIMITS.explanation),
    citation: z
      .object({
        docNumber: z.string().trim().min(1).nullable().optional(),
        task: z.int().min(1).nullable().optional(),
        file: z.string().trim().min(1),
        quote: z.string().trim().min(1),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
    if (answers.some((a) => a > q.options.length) || new Set(answers).size !== answers.length) {
      ctx.addIssue({
        code: "custom",
        path: ["answer"],
        message: "answer",
        params: { max: q.options.length },
      });
    }
    const seen = new Map<string, number>();
    q.options.forEach((o, i) => {
      const key = o.toLowerCase().replace(/\s+/gu, " ");
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["options", i], message: "sameOptions" });
      seen.set(key, i);
    });
  });

/** A whole bank file. */
export const BankFile = z.object({ questions: z.array(z.unknown()).min(1) }).strict();

/** A question as read from a bank file. */
export type BankQuestion = z.infer<typeof BankQuestion>;
