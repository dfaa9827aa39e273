/**
 * zod schemas for the widget theme flags of `wagechat tenant add|update` (--title, --greeting,
 * --accent, --logo-url, --position, --suggestion). The widget renders these as text and CSS
 * custom properties, never as markup, but they are still held to shapes that cannot surprise.
 */
import { z } from 'zod';
import type { WidgetConfig } from '../store/types';
import { UsageError } from './cli-errors';

const noControl = (value: string) => !/\p{Cc}/u.test(value);

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    .refine(noControl, { message: 'must not contain control characters (CR, LF, tab...)' });

/** The widget's own title limit (widget/src/options.ts). */
export const widgetTitle = text(60);
export const widgetGreeting = text(200);
export const widgetSuggestion = text(80);
export const MAX_SUGGESTIONS = 6;

export const widgetAccent = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a hex colour like #0b6e4f' })
  .transform((v) => v.toLowerCase());

/** https, or a path on the API's own origin (`/brand/logo.svg`); never http, data: or `//host`. */
export const widgetLogoUrl = z
  .string()
  .trim()
  .max(500, { message: 'must be at most 500 characters' })
  .refine(
    (v) => {
      if (/^\/(?![/\\])[\w\-./%~]*$/.test(v)) return true;
      try {
        const url = new URL(v);
        return url.protocol === 'https:' && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: 'must be an https URL or a path like /brand/logo.svg' },
  );

export const widgetPosition = z.enum(['bottom-right', 'bottom-left'], {
  message: 'must be bottom-right or bottom-left',
});

export interface WidgetFlagValues {
  title?: string;
  greeting?: string;
  accent?: string;
  'logo-url'?: string;
  position?: string;
  suggestion?: string[];
}

function check<S extends z.ZodType>(flag: string, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag} ${parsed.error.issues[0]?.message}.`);
  return parsed.data;
}

/**
 * The widget config changes the flags ask for; `none` clears a value back to the default.
 * @example widgetPatchFrom({ accent: '#2F5D50', suggestion: ['When are tips paid?'] })
 */
export function widgetPatchFrom(values: WidgetFlagValues) {
  const patch: Partial<Omit<WidgetConfig, 'updatedAt'>> = {};
  const set = <K extends keyof typeof patch>(
    key: K,
    flag: keyof WidgetFlagValues,
    schema: z.ZodType<NonNullable<(typeof patch)[K]>, string>,
  ) => {
    const value = values[flag];
    if (typeof value !== 'string') return;
    patch[key] = value === 'none' ? null : check(flag, schema, value);
  };
  set('title', 'title', widgetTitle);
  set('greeting', 'greeting', widgetGreeting);
  set('accent', 'accent', widgetAccent);
  set('logoUrl', 'logo-url', widgetLogoUrl);
  set('position', 'position', widgetPosition);
  const suggestions = values.suggestion;
  if (suggestions) {
    if (suggestions.length === 1 && suggestions[0] === 'none') patch.suggestions = null;
    else if (suggestions.length > MAX_SUGGESTIONS)
      throw new UsageError(`--suggestion may be given at most ${MAX_SUGGESTIONS} times.`);
    else patch.suggestions = suggestions.map((s) => check('suggestion', widgetSuggestion, s));
  }
  return patch;
}
