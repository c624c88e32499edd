export { Terminal } from "@/components/terminal/terminal-panel";
