// What a code block's copy button puts on the clipboard: the commands, ready to paste. Prompts
// (`$ `, `% `) are dropped; in transcripts (`console`, `shell-session`) output lines are too.

const SHELL = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'fish']);
const TRANSCRIPT = new Set(['console', 'shell-session', 'shellsession', 'terminal']);
const PROMPT = /^(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?)?[$%] /;

export function copyableText(code: string, language: string | undefined): string {
  const lines = code.replace(/\n$/, '').split('\n');
  const lang = (language ?? '').toLowerCase();
  if (TRANSCRIPT.has(lang) && lines.some((line) => PROMPT.test(line))) {
    return lines
      .filter((line) => PROMPT.test(line))
      .map((line) => line.replace(PROMPT, ''))
      .join('\n');
  }
  if (SHELL.has(lang)) return lines.map((line) => line.replace(PROMPT, '')).join('\n');
  return lines.join('\n');
}
