package com.eros.pipelines.captionperformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexSortTest {
  @Test
  void sortsStablyAcrossTheInsertionAndMergeSizes() {
    Random rnd = new Random(3);
    for (int n : new int[] {0, 1, 15, 16, 17, 100, 1000}) {
      int[] keys = rnd.ints(n, 0, 20).toArray();
      int[] idx = IntStream.range(0, n).toArray();
      IndexSort.sort(idx, new int[n], 0, n, (a, b) -> Integer.compare(keys[a], keys[b]));
      for (int i = 1; i < n; i++) {
        int a = idx[i - 1];
        int b = idx[i];
        assertThat(keys[a] < keys[b] || (keys[a] == keys[b] && a < b), is(true));
      }
      assertThat(Arrays.stream(idx).sorted().toArray(), equalTo(IntStream.range(0, n).toArray()));
    }
  }

  @Test
  void sortsOnlyTheGivenRangeWhateverTheScratchHolds() {
    int[] keys = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 9};
    int[] idx = IntStream.range(0, keys.length).toArray();
    int[] scratch = new int[keys.length];
    Arrays.fill(scratch, -1);
    IndexSort.sort(idx, scratch, 2, 22, (a, b) -> Integer.compare(keys[a], keys[b]));
    assertThat(idx[0], is(0));
    assertThat(idx[1], is(1));
    assertThat(Arrays.copyOfRange(idx, 22, 25), equalTo(new int[] {22, 23, 24}));
    int[] inRange = Arrays.copyOfRange(idx, 2, 22);
    assertThat(
        Arrays.stream(inRange).sorted().toArray(), equalTo(IntStream.range(2, 22).toArray()));
    for (int i = 1; i < inRange.length; i++) {
      int a = inRange[i - 1];
      int b = inRange[i];
      assertThat(keys[a] < keys[b] || (keys[a] == keys[b] && a < b), is(true));
    }
  }
}
