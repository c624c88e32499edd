export { Exercise } from "@/components/exercise/exercise-panel";
