/**
 * Hook entry points and installers: POSIX shell scripts that return in milliseconds, and the Java
 * code that installs them and reads what they spool.
 */
package dev.blueprint.hooks;
