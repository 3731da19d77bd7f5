/*
 * Juare complaint map: Leaflet (loaded before this file by the page) driven by the Java component
 * id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap.
 *
 *   JuareMap.init(element, options)  draws the map in element: tiles (if any), city outline, kecamatan, legend;
 *                                    a live map then reports its box after each move (element.$server.mapMoved)
 *   JuareMap.update(element, data)   draws the clusters and markers of the box
 *   JuareMap.refresh(element)        asks again for the box, at most once a second (live events)
 */
(function () {
    'use strict';

    /** Moves end in bursts (drag, wheel): one query after the last. */
    const DEBOUNCE_MS = 250;
    /** Live events: at most one query a second. */
    const MIN_REFRESH_MS = 1000;
    /** Cilegon, for a map without an outline. */
    const FALLBACK_VIEW = {lat: -6.0, lng: 106.02, zoom: 12};
    /** Kecamatan names from this zoom on: below it they would cover the clusters. */
    const LABELS_FROM_ZOOM = 12;

    /** Resolves with Leaflet once it is there (the page loads it first; this is a safety net). */
    function whenLeaflet() {
        if (window.L) {
            return Promise.resolve(window.L);
        }
        return new Promise((resolve, reject) => {
            const started = Date.now();
            (function poll() {
                if (window.L) {
                    resolve(window.L);
                } else if (Date.now() - started > 30000) {
                    reject(new Error('Leaflet did not load'));
                } else {
                    setTimeout(poll, 50);
                }
            })();
        });
    }

    function escapeHtml(text) {
        return String(text == null ? '' : text)
            .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    }

    function init(el, options) {
        el._juareReady = whenLeaflet()
            .then(L => create(L, el, options))
            .catch(error => console.error('Juare map:', error));
        return el._juareReady;
    }

    function create(L, el, o) {
        if (el._juare) {
            // attached again (the same element): start over
            destroy(el);
        }
        // half steps: the whole city fits the map better
        const map = L.map(el, {minZoom: 9, maxZoom: 19, zoomSnap: 0.5, zoomDelta: 1});
        const state = {
            el, map, options: o,
            palette: {},
            complaints: L.featureGroup().addTo(map),
            moveTimer: null, refreshTimer: null, lastQuery: 0,
            legendTotal: null
        };
        (o.statuses || []).forEach(s => state.palette[s.status] = s);
        el._juare = state;

        if (o.tileUrl) {
            L.tileLayer(o.tileUrl, {attribution: o.attribution || '', maxZoom: 19}).addTo(map);
        } else {
            el.classList.add('juare-map-no-tiles');
            map.attributionControl.setPrefix(false);
        }

        // kecamatan names under the complaints (the tooltip pane is above them)
        map.createPane('juare-labels').style.zIndex = 450;
        const bounds = drawOutline(L, map, o.outline || {});
        state.fit = () => {
            if (o.single) {
                map.setView([o.single.lat, o.single.lng], o.single.zoom || 16);
            } else if (bounds && bounds.isValid()) {
                map.fitBounds(bounds, {padding: [8, 8]});
            } else {
                map.setView([FALLBACK_VIEW.lat, FALLBACK_VIEW.lng], FALLBACK_VIEW.zoom);
            }
            // a map without a size yet (not laid out) fits again when it gets one
            state.fitted = el.clientWidth > 0 && el.clientHeight > 0;
        };
        state.fit();
        if (o.single) {
            drawSingle(L, state, o.single);
        }
        addLegend(L, state);
        const labels = () => el.classList.toggle('juare-map-labels', map.getZoom() >= LABELS_FROM_ZOOM);
        map.on('zoomend', labels);
        labels();

        // the map's box changes with the layout (drawer, window): Leaflet must know
        if (window.ResizeObserver) {
            state.resize = new ResizeObserver(() => {
                map.invalidateSize();
                if (!state.fitted && el.clientWidth > 0 && el.clientHeight > 0) {
                    state.fit();
                }
            });
            state.resize.observe(el);
        }

        if (o.live) {
            state.query = () => query(state);
            map.on('moveend', () => {
                clearTimeout(state.moveTimer);
                state.moveTimer = setTimeout(state.query, DEBOUNCE_MS);
            });
            state.query();
        }
        el.classList.add('juare-map-ready');
        return state;
    }

    function destroy(el) {
        const s = el._juare;
        clearTimeout(s.moveTimer);
        clearTimeout(s.refreshTimer);
        if (s.resize) {
            s.resize.disconnect();
        }
        s.map.remove();
        el._juare = null;
    }

    /** The city outline and the kecamatan with their names; returns the city's bounds. */
    function drawOutline(L, map, outline) {
        let bounds = null;
        (outline.kecamatan || []).forEach(k => {
            const area = L.geoJSON(k.geometry, {
                interactive: false,
                style: {className: 'juare-kecamatan kecamatan-' + k.code, color: '#5c6bc0', weight: 1.2,
                    dashArray: '4 3', fill: true, fillColor: '#5c6bc0', fillOpacity: 0.04}
            }).addTo(map);
            const center = area.getBounds().getCenter();
            L.tooltip({permanent: true, direction: 'center', className: 'juare-kecamatan-label', interactive: false,
                pane: 'juare-labels'})
                .setLatLng(center)
                .setContent(escapeHtml(k.name))
                .addTo(map);
            bounds = bounds ? bounds.extend(area.getBounds()) : L.latLngBounds(area.getBounds().getSouthWest(), area.getBounds().getNorthEast());
        });
        if (outline.city) {
            const city = L.geoJSON(outline.city, {
                interactive: false,
                style: {className: 'juare-city-outline', color: '#263238', weight: 2.5, fill: false}
            }).addTo(map);
            bounds = city.getBounds();
        }
        return bounds;
    }

    function addLegend(L, state) {
        const legend = L.control({position: 'bottomright'});
        legend.onAdd = () => {
            const div = L.DomUtil.create('div', 'juare-map-legend');
            L.DomEvent.disableClickPropagation(div);
            let html = '<div class="juare-map-legend-title">' + escapeHtml(state.options.texts.legend) + '</div>';
            const single = state.options.single;
            // a single complaint's map explains its one colour only
            (state.options.statuses || []).filter(s => !single || s.status === single.status).forEach(s => {
                html += '<div class="juare-map-legend-row status-' + escapeHtml(s.status) + '">'
                    + '<span class="juare-map-swatch" style="background:' + escapeHtml(s.color) + '"></span>'
                    + escapeHtml(s.label) + '</div>';
            });
            if (state.options.live) {
                html += '<div class="juare-map-total"></div>';
            }
            div.innerHTML = html;
            state.legendTotal = div.querySelector('.juare-map-total');
            return div;
        };
        legend.addTo(state.map);
    }

    function query(state) {
        if (!state.el.$server) {
            return;
        }
        state.lastQuery = Date.now();
        const b = state.map.getBounds();
        const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
        state.el.$server.mapMoved(clamp(b.getSouth(), 90), clamp(b.getWest(), 180), clamp(b.getNorth(), 90),
            // the backend's grid is for whole zooms: the lower one keeps clusters from overlapping at a half step
            clamp(b.getEast(), 180), Math.floor(state.map.getZoom()));
    }

    function refresh(el) {
        const s = el._juare;
        if (!s || !s.options.live || s.refreshTimer) {
            return;
        }
        const wait = Math.max(0, s.lastQuery + MIN_REFRESH_MS - Date.now());
        s.refreshTimer = setTimeout(() => {
            s.refreshTimer = null;
            s.query();
        }, wait);
    }

    function update(el, data) {
        const ready = el._juareReady || Promise.resolve();
        return ready.then(() => {
            const s = el._juare;
            if (s) {
                draw(window.L, s, data);
            }
        });
    }

    function draw(L, s, data) {
        // a live refresh often brings the same: no redraw (no flicker, an open tooltip stays)
        const drawn = JSON.stringify(data);
        if (drawn === s.drawn) {
            return;
        }
        s.drawn = drawn;
        s.complaints.clearLayers();
        (data.clusters || []).forEach(c => {
            const marker = L.marker([c.lat, c.lng], {
                icon: clusterIcon(L, c),
                title: s.options.texts.cluster.replace('{0}', c.count.toLocaleString(s.options.texts.lang)),
                riseOnHover: true
            });
            marker.on('click', () => s.map.fitBounds([[c.south, c.west], [c.north, c.east]], {maxZoom: 19}));
            marker.addTo(s.complaints);
        });
        (data.markers || []).forEach(m => {
            const status = s.palette[m.status] || {label: m.status, color: m.color};
            const marker = L.circleMarker([m.lat, m.lng], {
                radius: 8, weight: 2, color: '#ffffff', fillColor: m.color || status.color, fillOpacity: 0.95,
                className: 'juare-marker complaint-' + m.id + ' status-' + m.status
            });
            marker.bindTooltip('<b>' + escapeHtml(m.tracking) + '</b><br>' + escapeHtml(status.label) + '<br>'
                + escapeHtml(m.category), {direction: 'top', offset: [0, -6]});
            marker.on('click', () => s.el.$server && s.el.$server.complaintClicked(m.id));
            marker.addTo(s.complaints);
        });
        if (s.legendTotal) {
            s.legendTotal.textContent = data.totalText || '';
        }
        s.el.setAttribute('data-complaints', String(data.total || 0));
    }

    /** A ring of the cluster's statuses (their shares) around the count; sized by the count. */
    function clusterIcon(L, c) {
        const size = Math.round(32 + 8 * Math.log10(Math.max(1, c.count)));
        const center = size / 2;
        const stroke = 6;
        const r = center - stroke / 2 - 1;
        const circumference = 2 * Math.PI * r;
        let offset = 0;
        let rings = '';
        (c.parts || []).forEach(p => {
            const length = circumference * p.count / c.count;
            rings += '<circle class="juare-cluster-part status-' + escapeHtml(p.status) + '" r="' + r + '" cx="' + center
                + '" cy="' + center + '" fill="none" stroke="' + escapeHtml(p.color) + '" stroke-width="' + stroke
                + '" stroke-dasharray="' + length + ' ' + (circumference - length) + '" stroke-dashoffset="' + (-offset)
                + '" transform="rotate(-90 ' + center + ' ' + center + ')"/>';
            offset += length;
        });
        const html = '<svg width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + ' ' + size + '">'
            + '<circle r="' + (r - stroke / 2) + '" cx="' + center + '" cy="' + center + '" fill="#ffffff" fill-opacity="0.92"/>'
            + rings
            + '<text x="' + center + '" y="' + center + '" text-anchor="middle" dominant-baseline="central">'
            + c.count + '</text></svg>';
        return L.divIcon({html, className: 'juare-cluster status-' + c.dominant, iconSize: [size, size]});
    }

    /** A read-only map's one complaint. */
    function drawSingle(L, s, single) {
        L.circleMarker([single.lat, single.lng], {
            radius: 9, weight: 2, color: '#ffffff', fillColor: single.color, fillOpacity: 0.95,
            className: 'juare-marker status-' + single.status
        }).bindTooltip(escapeHtml(single.label), {direction: 'top', offset: [0, -6]}).addTo(s.complaints);
    }

    window.JuareMap = {init, update, refresh};
})();
