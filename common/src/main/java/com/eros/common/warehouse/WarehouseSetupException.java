package com.eros.common.warehouse;

/**
 * The warehouse named by {@code --warehouse} cannot be used as configured: no credentials, access
 * denied, the dataset does not exist, the service cannot be reached. The message says what is wrong
 * and how to fix it; the launcher prints it as one line and exits with code 2.
 */
public class WarehouseSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WarehouseSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
