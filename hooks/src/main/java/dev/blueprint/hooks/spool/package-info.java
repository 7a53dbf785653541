/** The spool the hook scripts write and {@code bp journal write --spool} reads. */
package dev.blueprint.hooks.spool;
