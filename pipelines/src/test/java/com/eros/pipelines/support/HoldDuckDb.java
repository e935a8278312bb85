package com.eros.pipelines.support;

import java.sql.Connection;
import java.sql.DriverManager;

/** A second process holding a DuckDB file open (DuckDB allows one writing process per file). */
public final class HoldDuckDb {
  private HoldDuckDb() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
      c.createStatement().execute("SELECT 1");
      System.out.println("holding " + args[0]);
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]) * 1000);
    }
  }
}
