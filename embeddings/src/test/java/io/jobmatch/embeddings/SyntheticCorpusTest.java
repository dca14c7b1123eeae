package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    @Test
    void sameSeedSameTextOtherSeedOtherText() {
        assertEquals(SyntheticCorpus.offer(3), SyntheticCorpus.offer(3));
        assertNotEquals(SyntheticCorpus.offer(3), SyntheticCorpus.offer(4));
        assertEquals(SyntheticCorpus.cv(9, 600), SyntheticCorpus.cv(9, 600));
    }

    @Test
    void cvsHaveTheRequestedNumberOfWords() {
        String cv = SyntheticCorpus.cv(11, 600);

        assertEquals(600, cv.strip().split("\\s+").length);
        assertTrue(cv.endsWith("."));
        assertTrue(cv.contains("\n"), "a CV has lines");
    }

    @Test
    void theMixedCorpusInterleavesTitlesOffersAndCvs() {
        var corpus = SyntheticCorpus.mixed(10, 600);

        assertEquals(10, corpus.size());
        assertTrue(corpus.get(0).split(" ").length <= 5);
        assertTrue(corpus.get(2).split("\\s+").length >= 60);
        assertEquals(600, corpus.get(4).strip().split("\\s+").length);
    }
}
