package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.photo.PhotoStore;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Photos in an S3-compatible bucket, so that every replica serves every photo: {@code photos/ab/<id>.jpg} and
 * {@code photos/ab/<id>-thumb.jpg}, the thumbnail written first (as on disk: a photo whose main object exists is
 * complete). An object is stored whole or not at all by S3 itself. Calls block, so they run on boundedElastic.
 */
final class S3PhotoStore implements PhotoStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3PhotoStore.class);

    private static final String CHECK_KEY = "photos/.juare-start-check";

    private final S3Client s3;
    private final String bucket;

    private S3PhotoStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Connects and checks that the bucket is there and reachable: a wrong setting stops the start, clearly. */
    static S3PhotoStore connect(PhotoStorageProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.timeout())
                        .socketTimeout(settings.timeout()))
                .forcePathStyle(settings.pathStyle())
                // one signature over the whole body rather than aws-chunked streaming, which not every S3-compatible
                // server decodes (photos are small and in memory anyway)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // S3-compatible servers do not all take the SDK's newer trailing checksums: only where S3 requires one
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        }
        S3Client client = builder.build();
        try {
            // a write and a delete, not only a look: what the store needs is to write with these keys
            client.headBucket(request -> request.bucket(settings.bucket()));
            client.putObject(request -> request.bucket(settings.bucket()).key(CHECK_KEY), RequestBody.fromBytes(new byte[] {1}));
            client.deleteObject(request -> request.bucket(settings.bucket()).key(CHECK_KEY));
        } catch (RuntimeException e) {
            client.close();
            throw new IllegalStateException("juare.photos.s3: bucket '" + settings.bucket() + "' is not reachable at "
                    + (settings.endpoint() == null ? "AWS" : settings.endpoint()) + " (" + e.getClass().getSimpleName()
                    + "); create it, or fix the endpoint, region or keys", e);
        }
        return new S3PhotoStore(client, settings.bucket());
    }

    static String key(UUID id, boolean thumbnail) {
        String name = id.toString();
        return "photos/" + name.substring(0, 2) + "/" + (thumbnail ? name + "-thumb.jpg" : name + ".jpg");
    }

    @Override
    public Mono<Void> save(UUID id, byte[] image, byte[] thumbnail) {
        return Mono.<Void>fromRunnable(() -> {
                    put(key(id, true), thumbnail);
                    put(key(id, false), image);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(S3PhotoStore::storeAway, failure -> unavailable(failure));
    }

    /** The store cannot be reached or answers 5xx: the client may try again later (not a fault in the request). */
    static boolean storeAway(Throwable failure) {
        return failure instanceof SdkClientException
                || (failure instanceof AwsServiceException service && service.statusCode() >= 500);
    }

    private static ApiException unavailable(Throwable failure) {
        log.warn("Photo store unavailable: {}", failure.toString());
        return new ApiException(ErrorCode.PHOTO_STORE_UNAVAILABLE,
                "photo.store-unavailable");
    }

    private void put(String key, byte[] content) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("image/jpeg"), RequestBody.fromBytes(content));
    }

    @Override
    public Mono<byte[]> load(UUID id, boolean thumbnail) {
        return Mono.fromCallable(() -> {
            try {
                ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key(id, thumbnail)));
                return object.asByteArray();
            } catch (NoSuchKeyException e) {
                return null;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> delete(UUID id) {
        return Mono.<Void>fromRunnable(() -> s3.deleteObjects(request -> request.bucket(bucket).delete(Delete.builder()
                        .objects(List.of(ObjectIdentifier.builder().key(key(id, false)).build(),
                                ObjectIdentifier.builder().key(key(id, true)).build()))
                        .quiet(true)
                        .build())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void close() {
        s3.close();
    }
}
