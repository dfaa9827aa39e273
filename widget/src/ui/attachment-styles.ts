/** Styles of attachments and voice notes (joined into widgetStyles). */
export const attachmentStyles = '';
