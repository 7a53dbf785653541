/**
 * Reading agent transcripts (Claude Code JSONL) into facts a session journal is made of: edited
 * files, commands, models, token usage and the session's time span.
 */
package dev.blueprint.journal.transcript;
