/**
 * Session journals: the model ({@link dev.blueprint.journal.session.Journal}), its markdown form, a
 * lenient reader for hand-written journals, the atomic writer with secret redaction, and the
 * service that builds journals from transcripts, runs and git history.
 */
package dev.blueprint.journal.session;
