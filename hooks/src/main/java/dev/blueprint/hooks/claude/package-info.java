/** Claude Code hooks: the settings merge and the installer. */
package dev.blueprint.hooks.claude;
