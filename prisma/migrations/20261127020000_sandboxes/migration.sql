-- CreateTable
CREATE TABLE "Sandbox" (
    "learnerId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "log" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("learnerId", "scenarioId"),
    CONSTRAINT "Sandbox_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

