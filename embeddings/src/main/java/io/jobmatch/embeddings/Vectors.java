package io.jobmatch.embeddings;

/** The little vector arithmetic embeddings need, and their users: cosine of normalised vectors is their dot. */
public final class Vectors {

    private Vectors() {}

    /** Scales to unit length in place; a zero vector is left as is (callers never produce one from real text). */
    static void normalise(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += (double) v * v;
        }
        if (squares == 0) {
            return;
        }
        float scale = (float) (1 / Math.sqrt(squares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
    }

    /** The dot product, accumulated in double; for L2-normalised vectors it is their cosine similarity. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
