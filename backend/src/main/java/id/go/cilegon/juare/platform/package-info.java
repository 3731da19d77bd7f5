/**
 * What every module stands on: errors with codes, personal-data encryption, the data directory, the
 * embedded database for development and tests, and the GraphQL engine's settings.
 */
package id.go.cilegon.juare.platform;
