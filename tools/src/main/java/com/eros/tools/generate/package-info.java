/**
 * {@code ./eros generate}: synthetic, reproducible inputs (caption_bank, mass_messages,
 * active_caption_assignments) for the demo, tests and benchmarks. {@link
 * com.eros.tools.generate.Plan} decides the world (pages, captions, hidden propensities); {@link
 * com.eros.tools.generate.PageMessageStream} and {@link com.eros.tools.generate.PageLocks} stream
 * one page's rows; {@link com.eros.tools.generate.Generator} writes them in chunks through the
 * storage port.
 */
package com.eros.tools.generate;
