/** Where the run's SMTP sink keeps the messages it receives (read by the tests). */
export const MAIL_DIR = '.data/e2e-mail';
