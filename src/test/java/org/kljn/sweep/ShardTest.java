package org.kljn.sweep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {

    @Test
    void parses() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 "));
        assertEquals("3/7", Shard.parse("3/7").toString());
        for (String bad : List.of("0/4", "5/4", "1/0", "x/2", "2", "1/2/3", "-1/2", "", "99999999999/1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad.strip().isEmpty() ? "''" : bad.strip()), e.getMessage());
        }
        assertEquals("need 1 <= i <= n, got '5/4'",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4")).getMessage());
        assertEquals("expected i/n (e.g. 2/4, 1 <= i <= n), got 'x/2'",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("x/2")).getMessage());
    }

    @Test
    void roundRobin() {
        assertEquals("[1, 4, 7]", Arrays.toString(new Shard(2, 3).select(9)));
        assertEquals("[]", Arrays.toString(new Shard(5, 5).select(4)));
    }

    @Test
    void shardsAreDisjointAndCoverTheGridOnce() {
        SplittableRandom rnd = new SplittableRandom(20240601);
        for (int trial = 0; trial < 500; trial++) {
            int size = rnd.nextInt(0, 200);
            int n = rnd.nextInt(1, 40);
            int[] owner = new int[size];
            int total = 0;
            for (int i = 1; i <= n; i++) {
                Shard s = new Shard(i, n);
                int[] sel = s.select(size);
                assertEquals(s.size(size), sel.length, s + " of " + size);
                for (int k = 0; k < sel.length; k++) {
                    assertTrue(k == 0 || sel[k] > sel[k - 1], "ascending");
                    assertTrue(s.contains(sel[k]));
                    assertEquals(0, owner[sel[k]], "point " + sel[k] + " in two shards of " + n);
                    owner[sel[k]] = i;
                }
                total += sel.length;
                int[] sizes = {s.size(size)};
                assertTrue(sizes[0] <= size / n + 1 && sizes[0] >= size / n, "balanced");
            }
            assertEquals(size, total);
            for (int p = 0; p < size; p++) {
                assertTrue(owner[p] > 0, "point " + p + " in no shard of " + n);
            }
        }
    }
}
