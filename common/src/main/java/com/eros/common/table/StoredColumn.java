package com.eros.common.table;

/**
 * A column as a store has it: its name, the store's own spelling of its type, and the one of our
 * {@link ColumnType}s that the adapter reads that store type as (null when it reads none).
 */
public record StoredColumn(String name, String storeType, ColumnType type) {}
