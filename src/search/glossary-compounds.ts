/**
 * Common Vietnamese words that no concept lists but that hold a syllable some concept does: "quá
 * trình" (a process) holds "trình" (to submit to an authority). The matcher reads each as a word of
 * its own, so the syllable inside it is not matched, as it would not be inside a listed compound.
 * A word listed by a concept is that concept's; listing it here too changes nothing.
 */
export const VI_COMPOUNDS: readonly string[] = [
  "quá trình",
  "tiến trình",
  "phương trình",
  "giáo trình",
  "liệu trình",
  "hải trình",
  "toàn trình",
  "trình tự",
  "trình bày",
  "trình diễn",
  "trình chiếu",
];
