package id.go.cilegon.juare.photo.internal;

import id.go.cilegon.juare.photo.PhotoStore;
import id.go.cilegon.juare.platform.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one photo store: the S3-compatible bucket when {@code juare.photos.s3.bucket} is set, else the data directory. */
@Configuration(proxyBeanMethods = false)
class PhotoStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(PhotoStoreConfig.class);

    @Bean
    PhotoStore photoStore(PhotoStorageProperties properties, DataDirectory dataDirectory) {
        if (properties.s3().enabled()) {
            log.info("Photos in bucket '{}' at {}", properties.s3().bucket(),
                    properties.s3().endpoint() == null ? "AWS S3" : properties.s3().endpoint());
            return S3PhotoStore.connect(properties.s3());
        }
        return new FileSystemPhotoStore(dataDirectory);
    }
}
