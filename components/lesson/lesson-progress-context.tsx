"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { LessonStates } from "@/lib/content/course-progress";

interface LessonProgressValue {
  lessonId: string;
  /** null until the server has answered (the page itself is static and knows no learner). */
  states: LessonStates | null;
  pending: boolean;
  announcement: string;
  markComplete(): Promise<void>;
}

const LessonProgressContext = createContext<LessonProgressValue | null>(null);

async function postProgress(path: string, lessonId: string): Promise<LessonStates> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ lessonId }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return ((await response.json()) as { states: LessonStates }).states;
}

/**
 * Records the visit when a lesson opens and holds the learner's lesson states for the sidebar and the
 * "Mark complete" control. Announcements go to one polite live region rendered by MarkCompleteForm.
 */
export function LessonProgressProvider({ lessonId, children }: { lessonId: string; children: ReactNode }) {
  const [states, setStates] = useState<LessonStates | null>(null);
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    let cancelled = false;
    postProgress("/api/progress/visits", lessonId).then(
      (next) => {
        if (!cancelled) setStates(next);
      },
      () => {
        if (!cancelled) setAnnouncement("Your progress could not be loaded. Reload the page to try again.");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [lessonId]);

  const markComplete = useCallback(async () => {
    setPending(true);
    try {
      setStates(await postProgress("/api/progress/completions", lessonId));
      setAnnouncement("Lesson marked complete.");
    } catch {
      setAnnouncement("The lesson could not be marked complete. Please try again.");
    } finally {
      setPending(false);
    }
  }, [lessonId]);

  const value = useMemo(() => ({ lessonId, states, pending, announcement, markComplete }), [lessonId, states, pending, announcement, markComplete]);
  return <LessonProgressContext.Provider value={value}>{children}</LessonProgressContext.Provider>;
}

export function useLessonProgress(): LessonProgressValue {
  const value = useContext(LessonProgressContext);
  if (!value) throw new Error("useLessonProgress must be used inside LessonProgressProvider");
  return value;
}
