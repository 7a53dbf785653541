/** The git hook that adds a Session-Id trailer to commits made during a session. */
package dev.blueprint.hooks.git;
