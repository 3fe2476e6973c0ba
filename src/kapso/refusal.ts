import { errorText } from '../boundary/kapso.js'

/** What a refusal means where it came from: which resource a 404 says is missing, and what a 403 forbids. */
export interface RefusalContext {
  /** The whole message for a 404, Kapso's words not included. */
  notFound: string
  /** What the API key's project may not use, for a 403: "phone-number-id 1065…", "the test endpoint". */
  forbidden: string
}

/** The message for Kapso's final answer that is not a success, with Kapso's own words when it gave some. */
export function refusal(status: number, body: unknown, doing: string, context: RefusalContext): string {
  const said = errorText(body)
  const quote = said ? ` Kapso said: ${said}` : ''
  switch (status) {
    case 401:
      return (
        `Kapso rejected the API key (HTTP 401) while ${doing}. Check the api-key input: it must be a current ` +
        `Kapso project API key.${quote}`
      )
    case 402:
      return (
        `Kapso refused ${doing} (HTTP 402, payment required): the project's plan does not include it; ` +
        `project.event needs a plan with project events.${quote}`
      )
    case 403:
      return (
        `Kapso refused access (HTTP 403) while ${doing}: the API key's project cannot use ` +
        `${context.forbidden}.${quote}`
      )
    case 404:
      return context.notFound + quote
    case 422:
      // Kapso's words for an event it does not know: "Events contains unsupported events: \"…\"".
      if (/\bunsupported events?\b/i.test(said)) {
        return (
          `Kapso refused the events input (HTTP 422) while ${doing}: ${said}. Remove those events, or correct ` +
          `them: Kapso accepts only the events it lists.`
        )
      }
      return `Kapso refused ${doing} (HTTP 422): ${said || 'no reason given'}`
    default:
      return status >= 300 && status < 400
        ? `Kapso answered with a redirect (HTTP ${status}) while ${doing}; redirects are not followed, so that the ` +
            `API key goes nowhere else. Check api-url.`
        : `Kapso answered HTTP ${status} while ${doing}.${quote}`
  }
}
