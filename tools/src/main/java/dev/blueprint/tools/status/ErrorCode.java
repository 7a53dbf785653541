package dev.blueprint.tools.status;

/** The BSF error codes: every failure a run reports carries exactly one. */
public enum ErrorCode {
  E_PREFLIGHT_FAILED,
  E_DEPENDENCY_MISSING,
  E_SECRET_MISSING,
  E_CAPABILITY_MISSING,
  E_SETUP_FAILED,
  E_EXECUTION_FAILED,
  E_TIMEOUT,
  E_VERIFICATION_FAILED,
  E_ROLLBACK_FAILED,
  E_LOCK_TIMEOUT,
  E_CHECKPOINT_FAILED
}
