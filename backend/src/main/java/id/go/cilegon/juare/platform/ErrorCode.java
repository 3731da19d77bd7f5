package id.go.cilegon.juare.platform;

/** Machine-readable error codes; the same names as the GraphQL enum ErrorCode. */
public enum ErrorCode {
    INVALID_INPUT,
    INVALID_NIK,
    INVALID_PHONE,
    NAME_REQUIRED,
    OTP_EXPIRED,
    OTP_WRONG,
    OTP_TOO_MANY_ATTEMPTS,
    OTP_DELIVERY_FAILED,
    RATE_LIMITED,
    INVALID_REFRESH_TOKEN,
    UNKNOWN_CATEGORY,
    NOT_IN_CILEGON,
    DESCRIPTION_LENGTH,
    TOO_MANY_PHOTOS,
    PHOTO_NOT_FOUND,
    PHOTO_TOO_LARGE,
    UNSUPPORTED_PHOTO,
    NOT_FOUND,
    FORBIDDEN,
    UNAUTHENTICATED,
    CONFLICT,
    INVALID_TRANSITION,
    INVALID_CREDENTIALS,
    ACCOUNT_LOCKED,
    USERNAME_TAKEN,
    UNKNOWN_OPD,
    AFTER_PHOTO_REQUIRED,
    MESSAGE_TOO_SHORT,
    INVALID_RATING,
    PHOTO_BUSY,
    /** The photo store (S3 bucket) is unreachable: HTTP 503 with Retry-After from POST /api/photos; retry later. */
    PHOTO_STORE_UNAVAILABLE,
    /** This instance is stopping: a live subscription ends with it; subscribe again with after (another instance answers). */
    SERVER_STOPPING,
    /** A transfer request after a decline gave the same reason as an earlier request of the same assignment: give a new one. */
    TRANSFER_REASON_REPEATED,
    /** A clientRequestId already used for a complaint with a different body: a retry must send the same complaint. */
    IDEMPOTENCY_KEY_REUSED,
    /** A photo id already attached to a complaint, dispute or resolution: each upload is used once. */
    PHOTO_ALREADY_USED,
    /** A live subscription fell more than juare.events.subscriber-buffer events behind and was ended: subscribe again with after. */
    SUBSCRIBER_TOO_SLOW,
    /** This instance holds as many live subscriptions as it takes (juare.events.max-subscriptions): subscribe again later or elsewhere. */
    TOO_MANY_SUBSCRIPTIONS
}
