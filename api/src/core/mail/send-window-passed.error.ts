/**
 * Thrown by MailService.send, before anything went to the SMTP server, when the caller's window had passed while the
 * message waited for a connection (or the process was frozen): the caller's claim on the message ran out, so another
 * sender may have it, and sending now could deliver it twice.
 */
export class SendWindowPassedError extends Error {
  constructor() {
    super('The send window passed before a connection was free; nothing was sent');
    this.name = 'SendWindowPassedError';
  }
}
