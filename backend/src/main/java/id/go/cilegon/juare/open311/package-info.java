/**
 * Open311 GeoReport v2 beside GraphQL (issue 14, docs/adr/0033): discovery, services (the categories), service
 * definitions, filing a request with a resident's access token as api_key, and reading requests, in JSON and XML.
 * It has no rules of its own: filing, visibility and idempotency are the complaint module's, asked through
 * {@link id.go.cilegon.juare.complaint.Complaints}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"complaint", "agency", "auth", "photo", "event", "platform"})
package id.go.cilegon.juare.open311;
