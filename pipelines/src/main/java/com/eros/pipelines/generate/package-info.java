/**
 * {@code ./eros generate}: synthetic, reproducible inputs (caption_bank, mass_messages,
 * active_caption_assignments) for the demo, tests and benchmarks. {@link
 * com.eros.pipelines.generate.Plan} decides the world (pages, captions, hidden propensities);
 * {@link com.eros.pipelines.generate.PageMessages} and {@link com.eros.pipelines.generate.PageLocks}
 * stream one page's rows; {@link com.eros.pipelines.generate.Generator} writes them in chunks
 * through the storage port.
 */
package com.eros.pipelines.generate;
