package id.go.cilegon.juare.complaint.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which auto-closed fixes wait for an operator's check (issue 12, ADR 0021).
 *
 * @param sampleShare the share (0 to 1) of auto-closures whose after-photos look fine that are queued anyway, at random
 * @param maxDistance after- and before-photos whose 64-bit perceptual hashes differ in at most this many bits look alike
 */
@ConfigurationProperties("juare.verification")
record VerificationProperties(Double sampleShare, Integer maxDistance) {

    static final double DEFAULT_SAMPLE_SHARE = 0.1;
    /**
     * Measured (LikenessTest): the same picture re-encoded, resized, brightened or cropped 4 % differs in at most 6 bits
     * (8 % cropped: up to 12), other street photos in 18 or more.
     */
    static final int DEFAULT_MAX_DISTANCE = 10;

    VerificationProperties {
        sampleShare = sampleShare == null ? DEFAULT_SAMPLE_SHARE : sampleShare;
        maxDistance = maxDistance == null ? DEFAULT_MAX_DISTANCE : maxDistance;
        if (sampleShare < 0 || sampleShare > 1) {
            throw new IllegalArgumentException("juare.verification.sample-share must be between 0 and 1");
        }
        if (maxDistance < 0 || maxDistance > 64) {
            throw new IllegalArgumentException("juare.verification.max-distance must be between 0 and 64");
        }
    }
}
