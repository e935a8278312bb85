package com.eros.pipelines.report;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import java.util.Optional;

/**
 * THE SINGLE PLACE THAT ENABLES SECTION 7 (the backtest's lift chart). The table bandit_backtests
 * (docs/backtest.md) is defined by the backtest work, not here: the report looks it up among {@link
 * Tables#ALL} by name, so the section appears by itself once that definition is there, and is left
 * out of the report (not shown as empty) while it is not. If the definition ends up outside {@code
 * Tables.ALL}, return it from here directly ({@code Optional.of(Tables.X)}).
 */
final class BacktestTable {
  static final String NAME = "bandit_backtests";

  private BacktestTable() {}

  /** The definition of bandit_backtests, when the project has one. */
  static Optional<TableDef> definition() {
    return Tables.ALL.stream().filter(t -> t.name().equals(NAME)).findFirst();
  }
}
