"""The page side of the map bridge: a folium MacroElement whose script drives the Leaflet map."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from branca.element import MacroElement
from folium.template import Template

# The script sees the map through {{ this._parent.get_name() }}, so the element must be a child of
# the folium Map. It publishes `window.operatorConsole` (called by MapView.runJavaScript) and
# reports the user's actions to the `bridge` QObject over QWebChannel.
_TEMPLATE = """
{% macro header(this, kwargs) %}
<style>
  .leaflet-container:focus-visible { outline: 3px solid #ffbf47; outline-offset: -3px; }
  .oc-candidate {
    background: #1f4e9e; color: #fff; border: 2px solid #fff; border-radius: 50%;
    box-shadow: 0 0 3px rgba(0, 0, 0, 0.6); text-align: center; font: bold 12px/20px sans-serif;
  }
  .oc-selected { filter: hue-rotate(150deg) saturate(3); }
</style>
{% endmacro %}

{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var texts = {{ this.texts|tojson }};
  var oc = {map: map, bridge: null, pin: null, clusterMarkers: new Map(), candidateMarkers: []};
  oc.selectedId = null;  // the highlighted clustered point
  oc.shownId = null;  // the selected point once zoomed to and uncovered
  window.operatorConsole = oc;
  map.setMinZoom({{ this.min_zoom|tojson }});
  map.setMaxZoom({{ this.max_zoom|tojson }});
  map.getContainer().setAttribute("aria-label", texts.map);
  L.control.zoom({zoomInTitle: texts.zoom_in, zoomOutTitle: texts.zoom_out}).addTo(map);
  var credit = document.createElement("span");
  credit.innerHTML = map.attributionControl.options.prefix;
  credit.querySelectorAll("a").forEach(function (link) { link.title = texts.leaflet; });
  map.attributionControl.setPrefix(credit.innerHTML);
  // Leaflet writes the scale's units in English ("500 ft"): these methods of its 1.9.4 scale
  // control write them from the console's words, the numbers in its locale.
  function scaleWords(words, value) {
    return words.replace("%1", value.toLocaleString(texts.locale));
  }
  var Scale = L.Control.Scale.extend({
    _updateMetric: function (maxMeters) {
      var meters = this._getRoundNum(maxMeters);
      var words = meters < 1000 ? scaleWords(texts.metres, meters)
        : scaleWords(texts.kilometres, meters / 1000);
      this._updateScale(this._mScale, words, meters / maxMeters);
    },
    _updateImperial: function (maxMeters) {
      var maxFeet = maxMeters * 3.2808399;
      if (maxFeet > 5280) {
        var maxMiles = maxFeet / 5280, miles = this._getRoundNum(maxMiles);
        this._updateScale(this._iScale, scaleWords(texts.miles, miles), miles / maxMiles);
      } else {
        var feet = this._getRoundNum(maxFeet);
        this._updateScale(this._iScale, scaleWords(texts.feet, feet), feet / maxFeet);
      }
    },
    _updateScale: function (scale, words, ratio) {
      scale.style.width = Math.round(this.options.maxWidth * ratio) + "px";
      scale.textContent = words;
    }
  });
  new Scale().addTo(map);
  oc.districts = L.geoJSON(null, {
    interactive: false, style: {color: "#1f4e9e", weight: 2, opacity: 0.8, fillOpacity: 0.04}
  }).addTo(map);
  // Districts filled by a figure (the dashboard's equity map): each feature's properties give
  // its code, fill colour and label; a click reports the code.
  oc.choropleth = L.geoJSON(null, {
    style: function (feature) {
      return {color: "#333333", weight: 1, opacity: 0.9, fillColor: feature.properties.fill,
              fillOpacity: 0.75};
    },
    onEachFeature: function (feature, layer) {
      layer.bindTooltip(textNode(feature.properties.label), {sticky: true});
      layer.on("click", function (event) {
        L.DomEvent.stopPropagation(event);
        if (oc.bridge) oc.bridge.districtClicked(String(feature.properties.code));
      });
    }
  }).addTo(map);
  oc.candidates = L.featureGroup().addTo(map);
  // From street level on, every point shows on its own, so choosing one never zooms further.
  oc.cluster = L.markerClusterGroup({
    showCoverageOnHover: false, disableClusteringAtZoom: {{ this.street_zoom|tojson }}
  }).addTo(map);
  var PIN_Z = 1000, CANDIDATE_Z = 2000, CANDIDATE_PX = 24, CANDIDATE_STEP = 26, MAX_SHOWN = 5;
  var plainIcon = new L.Icon.Default();
  var selectedIcon = new L.Icon.Default({className: "oc-selected"});

  function textNode(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }
  function report(latlng, source) {
    if (oc.bridge) oc.bridge.pinMoved(latlng.lat, latlng.lng, source);
  }
  function placePin(lat, lon) {
    if (oc.pin) return oc.pin.setLatLng([lat, lon]);
    oc.pin = L.marker([lat, lon], {
      draggable: true, autoPan: true, zIndexOffset: PIN_Z, title: texts.pin, alt: texts.pin
    }).addTo(map);
    oc.pin.on("dragend", function () { report(oc.pin.getLatLng(), "drag"); });
    return oc.pin;
  }
  function highlight(id) {
    var previous = oc.clusterMarkers.get(oc.selectedId);
    if (previous) previous.setIcon(plainIcon).setZIndexOffset(0);
    oc.selectedId = id;
    var marker = oc.clusterMarkers.get(id);
    if (marker) marker.setIcon(selectedIcon).setZIndexOffset(500);
    return marker;
  }

  oc.setDistricts = function (geojson, fit) {
    oc.districts.clearLayers();
    if (geojson) oc.districts.addData(geojson);
    if (fit && oc.districts.getLayers().length) map.fitBounds(oc.districts.getBounds());
  };
  oc.setChoropleth = function (geojson, fit) {
    oc.choropleth.clearLayers();
    if (geojson) oc.choropleth.addData(geojson);
    if (fit && oc.choropleth.getLayers().length) map.fitBounds(oc.choropleth.getBounds());
  };
  oc.clickDistrict = function (code) {
    oc.choropleth.eachLayer(function (layer) {
      if (String(layer.feature.properties.code) === code) layer.fire("click");
    });
  };
  oc.setView = function (lat, lon, zoom) {
    map.setView([lat, lon], zoom === null ? map.getZoom() : zoom, {animate: false});
  };
  oc.setPin = function (lat, lon) {
    placePin(lat, lon);
    if (!map.getBounds().contains([lat, lon])) map.panTo([lat, lon]);
  };
  oc.clearPin = function () {
    if (oc.pin) map.removeLayer(oc.pin);
    oc.pin = null;
  };
  // Numbered markers sit above the pin (a candidate at the pin's own address stays readable),
  // and markers that would overlap at this zoom are drawn side by side, lowest number at its
  // true place, so none hides another.
  function candidateIcon(number, shift) {
    return L.divIcon({
      className: "oc-candidate", html: String(number), iconSize: [CANDIDATE_PX, CANDIDATE_PX],
      iconAnchor: [CANDIDATE_PX / 2 - shift, CANDIDATE_PX / 2]
    });
  }
  function freeShift(point, placed) {
    for (var k = 0; k < 2 * MAX_SHOWN; k++) {
      var shift = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * CANDIDATE_STEP;
      var clear = placed.every(function (other) {
        return Math.abs(other.x - point.x - shift) >= CANDIDATE_STEP ||
          Math.abs(other.y - point.y) >= CANDIDATE_STEP;
      });
      if (clear) return shift;
    }
    return 0;
  }
  function spreadCandidates() {
    var placed = [];
    oc.candidateMarkers.forEach(function (marker) {
      var point = map.latLngToLayerPoint(marker.getLatLng());
      var shift = freeShift(point, placed);
      placed.push(L.point(point.x + shift, point.y));
      marker.setIcon(candidateIcon(marker.options.number, shift));
    });
  }
  oc.setCandidates = function (items) {
    oc.candidates.clearLayers();
    oc.candidateMarkers = items.slice().sort(function (a, b) { return a[0] - b[0]; })
      .map(function (item) {
        var number = item[0];
        var marker = L.marker([item[1], item[2]], {
          icon: candidateIcon(number, 0), number: number, zIndexOffset: CANDIDATE_Z,
          title: number + ". " + item[3], alt: number + ". " + item[3], riseOnHover: true
        });
        marker.bindTooltip(textNode(number + ". " + item[3]));
        marker.on("click", function () { if (oc.bridge) oc.bridge.candidateClicked(number); });
        oc.candidates.addLayer(marker);
        return marker;
      });
    spreadCandidates();
  };
  oc.setClusterPoints = function (items) {
    oc.cluster.clearLayers();
    oc.clusterMarkers.clear();
    var markers = items.map(function (item) {
      var id = item[0];
      var marker = L.marker([item[1], item[2]], {
        icon: id === oc.selectedId ? selectedIcon : plainIcon, title: item[3], alt: item[3]
      });
      marker.on("click", function () {
        highlight(id);
        if (oc.bridge) oc.bridge.pointClicked(id);
      });
      oc.clusterMarkers.set(id, marker);
      return marker;
    });
    oc.cluster.addLayers(markers);
    if (!oc.clusterMarkers.has(oc.selectedId)) oc.selectedId = null;
  };
  oc.selectPoint = function (id) {
    var marker = highlight(id);
    oc.shownId = null;
    if (marker) oc.cluster.zoomToShowLayer(marker, function () { oc.shownId = id; });
  };
  oc.summary = function () {
    return {
      districts: oc.districts.getLayers().length,
      choropleth: oc.choropleth.getLayers().length,
      candidates: oc.candidates.getLayers().length,
      clusterPoints: oc.clusterMarkers.size,
      selectedId: oc.selectedId,
      shownId: oc.shownId,
      pin: oc.pin ? [oc.pin.getLatLng().lat, oc.pin.getLatLng().lng] : null,
      zoom: map.getZoom()
    };
  };

  {%- if this.districts %}
  oc.setDistricts({{ this.districts|tojson }}, true);
  {%- endif %}
  map.on("zoomend", spreadCandidates);
  map.on("click", function (event) {
    placePin(event.latlng.lat, event.latlng.lng);
    report(event.latlng, "click");
  });
  map.getContainer().addEventListener("keydown", function (event) {
    if (event.target !== map.getContainer() || event.key !== "Enter") return;
    var center = map.getCenter();
    placePin(center.lat, center.lng);
    report(center, "keyboard");
    event.preventDefault();
  });
  if (window.qt && qt.webChannelTransport) {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      oc.bridge = channel.objects.bridge;
      oc.bridge.pageReady();
    });
  }
})();
{% endmacro %}
"""


STREET_ZOOM = 17


class BridgeScript(MacroElement):
    """The console's script on the map page; add it as a child of the folium Map.

    Attributes:
        texts: the words the script shows, translated (see MapPageOptions.texts).
        min_zoom: the lowest zoom level the map allows.
        max_zoom: the highest zoom level the map allows.
        districts: a GeoJSON FeatureCollection drawn (and fitted) as the page opens, or None.
        street_zoom: from this zoom on, clustered points are shown one by one (at most max_zoom).
    """

    _template = Template(_TEMPLATE)

    def __init__(
        self,
        texts: dict[str, str],
        min_zoom: int,
        max_zoom: int,
        districts: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is not annotated
        self._name = "OperatorConsoleBridge"
        self.texts = texts
        self.min_zoom = min_zoom
        self.max_zoom = max_zoom
        self.districts = districts
        self.street_zoom = min(STREET_ZOOM, max_zoom)
