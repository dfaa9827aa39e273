/**
 * Words too common to say what a question or passage is about. One list for search, corpus
 * statistics, the hashing embedder and the offline answerer, so they agree on what counts.
 * Question words ("when", "how") are here: the offline answerer reads the question type
 * from the raw message, not from terms.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further get got had has have having he her
  here hers him his how i if in into is it its itself just me might more most my myself no nor not now of off
  on once only or other our ours out over own same she should so some such than that the their theirs them
  then there these they this those through to too under until up very was we were what when where which while
  who whom why will with would you your yours yourself hi hello hey please thanks thank ok okay im ive dont
  cant wont whats hows need want know tell like also much many gets getting isnt wasnt didnt
  doesnt shouldnt couldnt wouldnt arent aren theres thats youre id ill guys guy thru tho though
  actually anymore ever bunch really still even yet anyway kind sort stuff thing things lol pls plz`
    .split(/\s+/)
    .filter(Boolean),
);
