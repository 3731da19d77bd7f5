/*
 * Juare complaint map: Leaflet (loaded before this file by the page) driven by the Java component
 * id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap.
 *
 *   JuareMap.init(element, options)  draws the map in element: tiles (if any), city outline, kecamatan, legend;
 *                                    a live map then reports its box after each move (element.$server.mapMoved)
 *   JuareMap.update(element, data)   draws the clusters and markers of the box
 *   JuareMap.refresh(element)        asks again for the box, at most once a second (live events)
 *   JuareMap.reload(element)         asks again for the box now (the filter changed)
 *
 * Clusters and markers whose drawn circles would touch are drawn as one cluster (the backend's grid cells are fixed,
 * the circles are not: two clusters near a shared cell edge overlap). Markers and clusters in view are reachable with
 * Tab (role button, a label with the tracking number and status); Enter or Space opens or zooms in.
 * From DETAIL_ZOOM on (a single complaint's map always) the kelurahan boundaries and names show: the browser asks the
 * server for them once per page ($server.kelurahan()).
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
    /** Kelurahan boundaries and names from this zoom on (ComplaintMap.DETAIL_ZOOM). */
    const DETAIL_ZOOM = 14;
    /** Drawn circles closer than this (px) count as touching. */
    const GAP = 2;
    /** A single complaint's circle. */
    const MARKER_RADIUS = 8;
    const MARKER_WEIGHT = 2;

    /** The kelurahan (one request per page, shared by its maps): a promise of their list. */
    let kelurahanList = null;

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
            const tiles = L.tileLayer(o.tileUrl, {attribution: o.attribution || '', maxZoom: 19}).addTo(map);
            // a tile server out of reach: the same plain background as without tiles (boundaries, names, markers)
            tiles.on('tileerror', () => el.classList.add('juare-map-no-tiles', 'juare-map-tiles-failed'));
            tiles.on('tileload', () => el.classList.remove('juare-map-no-tiles', 'juare-map-tiles-failed'));
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
        const labels = () => {
            el.classList.toggle('juare-map-labels', map.getZoom() >= LABELS_FROM_ZOOM);
            const detail = !!o.single || map.getZoom() >= DETAIL_ZOOM;
            el.classList.toggle('juare-map-detail', detail);
            if (detail) {
                drawKelurahan(L, state);
            }
        };
        map.on('zoomend', labels);
        labels();
        // where the point (or, zoomed in on a live map, the map's centre) is, in words: no tiles needed
        addPlace(L, state);
        map.on('moveend', () => updatePlace(state));
        // the circles' distances change with the zoom: lay the last answer out again until the next one comes
        map.on('zoomend', () => {
            if (state.lastData) {
                draw(L, state, state.lastData);
            }
        });

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

    /** The kelurahan from the server, once per page (null if it has none to give). */
    function loadKelurahan(state) {
        if (!kelurahanList) {
            if (!state.el.$server || !state.el.$server.kelurahan) {
                return Promise.resolve([]);
            }
            kelurahanList = state.el.$server.kelurahan()
                .then(text => JSON.parse(text || '[]'))
                .catch(error => {
                    console.warn('Juare map: no kelurahan', error);
                    kelurahanList = null;
                    return [];
                });
        }
        return kelurahanList;
    }

    /** The kelurahan boundaries and names (once per map; CSS shows them at detail zoom only). */
    function drawKelurahan(L, state) {
        if (state.kelurahan) {
            return state.kelurahan;
        }
        state.kelurahan = loadKelurahan(state).then(list => {
            if (!state.el._juare) {
                return list;
            }
            const here = state.options.single ? containing(list, state.options.single.lat, state.options.single.lng) : null;
            list.forEach(k => {
                L.geoJSON(k.geometry, {
                    interactive: false,
                    style: {className: 'juare-kelurahan kelurahan-' + k.code + (k === here ? ' juare-kelurahan-here' : ''),
                        color: '#00796b', weight: k === here ? 2.5 : 1.5, fill: false}
                }).addTo(state.map);
                L.tooltip({permanent: true, direction: 'center', className: 'juare-kelurahan-label', interactive: false,
                    pane: 'juare-labels'})
                    .setLatLng([k.lat, k.lng])
                    .setContent(escapeHtml(k.name))
                    .addTo(state.map);
            });
            state.kelurahanList = list;
            updatePlace(state);
            return list;
        });
        return state.kelurahan;
    }

    /** The kelurahan a point lies in (even-odd over every ring of its polygons), or null. */
    function containing(list, lat, lng) {
        const inRing = ring => {
            let inside = false;
            for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
                if ((yi > lat) !== (yj > lat) && lng < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        };
        const inPolygon = rings => rings.reduce((inside, ring) => inRing(ring) ? !inside : inside, false);
        return list.find(k => {
            const g = k.geometry || {};
            const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
            return polygons.some(inPolygon);
        }) || null;
    }

    /** The kelurahan of the single complaint, or of the live map's centre, named in the place line. */
    function updatePlace(state) {
        if (!state.kelurahanList || !state.placeText) {
            return;
        }
        const point = state.options.single || state.map.getCenter();
        state.here = containing(state.kelurahanList, point.lat, point.lng);
        state.placeText();
    }

    /**
     * Where it is in words and numbers: a single complaint's kelurahan, kecamatan and coordinates; on a live map at
     * detail zoom the kelurahan of the map's centre (CSS hides it below).
     */
    function addPlace(L, state) {
        const single = state.options.single;
        const texts = state.options.texts;
        const place = L.control({position: 'bottomleft'});
        place.onAdd = () => {
            const div = L.DomUtil.create('div', 'juare-map-place');
            L.DomEvent.disableClickPropagation(div);
            const area = L.DomUtil.create('div', 'juare-map-place-area', div);
            const coordinates = L.DomUtil.create('div', 'juare-map-coordinates', div);
            coordinates.textContent = single ? single.lat.toFixed(5) + ', ' + single.lng.toFixed(5) : '';
            state.placeText = () => {
                const k = state.here;
                area.textContent = k
                    ? texts.kelurahan.replace('{0}', k.name) + (k.kecamatan ? ', ' + texts.kecamatan.replace('{0}', k.kecamatan) : '')
                    : texts.outside;
            };
            return div;
        };
        place.addTo(state.map);
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
                html += '<div class="juare-map-note"></div><div class="juare-map-total"></div>';
            }
            div.innerHTML = html;
            state.legendTotal = div.querySelector('.juare-map-total');
            state.legendNote = div.querySelector('.juare-map-note');
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

    /** The filter changed: ask now, whatever the live throttle says. */
    function reload(el) {
        const s = el._juare;
        if (!s || !s.options.live || !s.query) {
            return;
        }
        clearTimeout(s.refreshTimer);
        s.refreshTimer = null;
        s.query();
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
        s.lastData = data;
        // a live refresh often brings the same: no redraw (no flicker, an open tooltip or the focus stays)
        const drawn = JSON.stringify(data) + '@' + s.map.getZoom();
        if (drawn === s.drawn) {
            return;
        }
        s.drawn = drawn;
        // the focused marker or cluster gets the focus back after the redraw (keyboard users keep their place)
        const active = document.activeElement;
        const focusedKey = active && s.el.contains(active) ? active._juareKey : null;
        s.complaints.clearLayers();
        const size = s.map.getSize();
        const inView = (item) => {
            const p = s.map.latLngToContainerPoint([item.lat, item.lng]);
            return p.x >= item.r && p.y >= item.r && p.x <= size.x - item.r && p.y <= size.y - item.r;
        };
        let refocus = null;
        layout(s, data).forEach(item => {
            let layer;
            let label;
            let activate;
            let key;
            if (item.marker) {
                const m = item.marker;
                const status = s.palette[m.status] || {label: m.status, color: m.color};
                layer = L.circleMarker([m.lat, m.lng], {
                    radius: MARKER_RADIUS, weight: MARKER_WEIGHT, color: '#ffffff', fillColor: m.color || status.color,
                    fillOpacity: 0.95, className: 'juare-marker complaint-' + m.id + ' status-' + m.status
                });
                layer.bindTooltip('<b>' + escapeHtml(m.tracking) + '</b><br>' + escapeHtml(status.label) + '<br>'
                    + escapeHtml(m.category), {direction: 'top', offset: [0, -6]});
                activate = () => s.el.$server && s.el.$server.complaintClicked(m.id);
                layer.on('click', activate);
                label = s.options.texts.marker.replace('{0}', m.tracking || '').replace('{1}', status.label || '')
                    .replace('{2}', m.category || '');
                key = 'm:' + m.id;
            } else {
                label = s.options.texts.cluster.replace('{0}', item.count.toLocaleString(s.options.texts.lang));
                layer = L.marker([item.lat, item.lng], {icon: clusterIcon(L, item), title: label, riseOnHover: true});
                const bounds = [[item.south, item.west], [item.north, item.east]];
                layer.on('click', () => s.map.fitBounds(bounds, {maxZoom: 19}));
                activate = () => {
                    // the cluster goes with the redraw: the map keeps the focus, and Tab goes on into what it shows
                    s.el.focus({preventScroll: true});
                    s.map.fitBounds(bounds, {maxZoom: 19});
                };
                key = 'c:' + item.south.toFixed(7) + ',' + item.west.toFixed(7) + ',' + item.north.toFixed(7) + ','
                    + item.east.toFixed(7);
            }
            layer.addTo(s.complaints);
            const el = layer.getElement();
            if (el) {
                // only what is in view: focusing a marker beyond the edge would scroll the map's panes
                el.setAttribute('tabindex', inView(item) ? '0' : '-1');
                el.setAttribute('role', 'button');
                el.setAttribute('aria-label', label);
                el._juareKey = key;
                el.addEventListener('keydown', e => {
                    if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        e.stopPropagation();
                        activate();
                    }
                });
                if (key === focusedKey) {
                    refocus = el;
                }
            }
        });
        if (refocus) {
            refocus.focus({preventScroll: true});
        }
        if (s.legendTotal) {
            s.legendTotal.textContent = data.totalText || '';
        }
        if (s.legendNote) {
            s.legendNote.textContent = data.note || '';
        }
        // the legend lists the statuses the filter can show
        const listed = data.legendStatuses;
        s.el.querySelectorAll('.juare-map-legend-row').forEach(row => {
            const status = [...row.classList].find(c => c.startsWith('status-'));
            row.hidden = !!listed && !!status && !listed.includes(status.substring('status-'.length));
        });
        s.el.setAttribute('data-complaints', String(data.total || 0));
        // the zoom the answer was made for (tests wait for the answer to a move)
        if (data.zoom !== undefined) {
            s.el.setAttribute('data-zoom', String(data.zoom));
        }
    }

    /** The drawn circle's diameter (px) for a cluster of this many. */
    function clusterSize(count) {
        return Math.round(32 + 8 * Math.log10(Math.max(1, count)));
    }

    /**
     * The answer's clusters and markers as drawn at the map's zoom: any two whose circles would touch become one
     * cluster (counts and statuses added, the cell bounds joined), until none touch. Two markers stay apart at the
     * highest zoom (nothing to zoom into there).
     */
    function layout(s, data) {
        const map = s.map;
        const atMax = map.getZoom() >= map.getMaxZoom();
        const rank = {};
        (s.options.statuses || []).forEach((st, i) => rank[st.status] = i);
        const items = [];
        (data.clusters || []).forEach(c => items.push({
            lat: c.lat, lng: c.lng, count: c.count, south: c.south, west: c.west, north: c.north, east: c.east,
            parts: (c.parts || []).map(p => ({status: p.status, count: p.count, color: p.color})), dominant: c.dominant
        }));
        (data.markers || []).forEach(m => items.push({
            marker: m, lat: m.lat, lng: m.lng, count: 1, south: m.lat, west: m.lng, north: m.lat, east: m.lng,
            parts: [{status: m.status, count: 1, color: m.color}], dominant: m.status
        }));
        const place = item => {
            item.p = map.latLngToLayerPoint([item.lat, item.lng]);
            item.r = item.marker ? MARKER_RADIUS + MARKER_WEIGHT / 2 : clusterSize(item.count) / 2;
        };
        items.forEach(place);
        let merged = true;
        while (merged) {
            merged = false;
            for (let a = 0; a < items.length; a++) {
                for (let b = a + 1; b < items.length; b++) {
                    const A = items[a], B = items[b];
                    if (atMax && A.marker && B.marker) {
                        continue;
                    }
                    if (A.p.distanceTo(B.p) < A.r + B.r + GAP) {
                        items[a] = combine(A, B, rank);
                        place(items[a]);
                        items.splice(b, 1);
                        b = a;
                        merged = true;
                    }
                }
            }
        }
        return items;
    }

    function combine(a, b, rank) {
        const count = a.count + b.count;
        const byStatus = {};
        a.parts.concat(b.parts).forEach(p => {
            const known = byStatus[p.status];
            byStatus[p.status] = {status: p.status, color: p.color, count: (known ? known.count : 0) + p.count};
        });
        const order = st => rank[st] === undefined ? 99 : rank[st];
        const parts = Object.values(byStatus).sort((x, y) => order(x.status) - order(y.status));
        // most of them; a tie goes to the more urgent status (as MapJson.dominant)
        const dominant = parts.slice().sort((x, y) => y.count - x.count || order(x.status) - order(y.status))[0].status;
        return {
            lat: (a.lat * a.count + b.lat * b.count) / count, lng: (a.lng * a.count + b.lng * b.count) / count, count,
            south: Math.min(a.south, b.south), west: Math.min(a.west, b.west),
            north: Math.max(a.north, b.north), east: Math.max(a.east, b.east), parts, dominant
        };
    }

    /** A ring of the cluster's statuses (their shares) around the count; sized by the count. */
    function clusterIcon(L, c) {
        const size = clusterSize(c.count);
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

    window.JuareMap = {init, update, refresh, reload};
})();
