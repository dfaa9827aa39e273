/** Styles of the message list: markdown, citation chips, feedback, status (joined into widgetStyles). */
export const messageStyles = '';
