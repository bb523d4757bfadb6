import { defineConfig } from "vitest/config";

// Reminders and quizzes deal in local dates and times: besides the machine's own zone, their tests
// also run in a zone far from Vietnam's (nothing may depend on the server's TZ). The kill/restart
// test is left out of the second run: it measures processes, not dates, and takes a minute.
const ZONE_SENSITIVE = [
  "test/reminders/**/*.test.ts",
  "test/quiz/run*.test.ts",
  "test/cli/deadlines.test.ts",
  "test/messengers/zalo-reminders.test.ts",
  "test/messengers/zalo-quiz.test.ts",
  "test/web/dashboard.test.ts",
  "test/web/units.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "all", include: ["test/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "tz-new-york",
          include: ZONE_SENSITIVE,
          exclude: ["test/reminders/crash.test.ts"],
          env: { TZ: "America/New_York" },
        },
      },
    ],
  },
});
