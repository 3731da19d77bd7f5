/**
 * Demo data for showing the platform: staff accounts for every role, residents and about four days of complaints
 * with their full event history, created once on start when {@code juare.demo.enabled=true}. Never enable it in
 * production.
 */
package id.go.cilegon.juare.demo;
