package id.go.cilegon.juare.overview.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The command centre's shifts in WIB (Asia/Jakarta), each "HH:mm-HH:mm". They must follow one another round the
 * clock (pagi's end is siang's start, siang's end malam's, malam's end pagi's) and together make 24 hours.
 *
 * @param pagi  default 07:00-15:00
 * @param siang default 15:00-23:00
 * @param malam default 23:00-07:00 (across midnight)
 */
@ConfigurationProperties("juare.shifts")
record ShiftProperties(String pagi, String siang, String malam) {

    ShiftProperties {
        pagi = pagi == null || pagi.isBlank() ? "07:00-15:00" : pagi;
        siang = siang == null || siang.isBlank() ? "15:00-23:00" : siang;
        malam = malam == null || malam.isBlank() ? "23:00-07:00" : malam;
    }
}
