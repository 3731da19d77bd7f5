package id.go.cilegon.juare.photo.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where photos are kept: the data directory (default), or an S3-compatible bucket when {@code bucket} is set.
 *
 * @param s3 the bucket; every replica of a cluster must use the same one
 */
@ConfigurationProperties("juare.photos")
record PhotoStorageProperties(S3 s3) {

    PhotoStorageProperties {
        s3 = s3 == null ? new S3(null, null, null, null, null, true, null) : s3;
    }

    /**
     * @param bucket    the bucket's name; empty = photos in the data directory
     * @param endpoint  the S3 API's URL (MinIO, Garage, Ceph, a cloud's object storage); empty = AWS's own
     * @param region    the region the signature names (MinIO and Garage accept any; Garage's default is "garage")
     * @param accessKey the access key id
     * @param secretKey the secret key
     * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key} (MinIO, Garage)
     * @param timeout   for one request
     */
    record S3(String bucket, URI endpoint, String region, String accessKey, String secretKey, boolean pathStyle,
              Duration timeout) {

        S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        }

        boolean enabled() {
            return bucket != null && !bucket.isBlank();
        }
    }
}
