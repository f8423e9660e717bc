"""The picture of the network as SVG, drawn on the server: partners on a circle, grouped by kind (a coloured
arc per kind and a legend), and a curved line for every collaboration a facilitator recorded. The template
(network/_picture.svg) carries a title, a description and a <title> per partner; the page beside it has the same
facts as lists, as the text alternative."""

import math

from django.template.loader import render_to_string

from .selectors import by_kind

# Distinguishable on white and from each other (dark enough for 3:1 against the background).
PALETTE = [
    "#1f5fa8", "#b3401b", "#2a7a3b", "#7a3e9d", "#a66a00", "#0f7c80", "#b02a65",
    "#4d5b12", "#5a4636", "#2f4a8a", "#8a2f2f", "#3d6b5a", "#6b4f9e", "#555555",
]  # fmt: skip
LABEL_CHARS = 30
LEGEND_COLUMN = 300


def _short(name):
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def layout(partners, collaborations) -> dict:
    groups = by_kind(partners)
    count = sum(len(g["partners"]) for g in groups)
    radius = max(130, min(420, 60 + count * 9))
    margin_x, margin_y = 210, 44
    width = 2 * (radius + margin_x)
    cx, cy = width / 2, radius + margin_y
    slots = count + len(groups)  # one empty slot between kinds
    step = 2 * math.pi / max(slots, 1)

    nodes, arcs, legend, positions = [], [], [], {}
    slot = 0
    for index, group in enumerate(groups):
        colour = PALETTE[index % len(PALETTE)]
        first_angle = None
        for partner in group["partners"]:
            angle = -math.pi / 2 + slot * step
            first_angle = angle if first_angle is None else first_angle
            x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
            cos, sin = math.cos(angle), math.sin(angle)
            label_r = radius + 14
            if abs(cos) < 0.3:  # near the top or bottom: centred above or below the point
                anchor, shift = "middle", (16 if sin > 0 else -6)
            else:
                anchor, shift = ("start" if cos > 0 else "end"), 4
            nodes.append(
                {
                    "x": round(x, 1),
                    "y": round(y, 1),
                    "lx": round(cx + label_r * cos, 1),
                    "ly": round(cy + label_r * sin + shift, 1),
                    "anchor": anchor,
                    "label": _short(partner.name),
                    "name": partner.name,
                    "kind": group["label"],
                    "colour": colour,
                }
            )
            positions[partner.pk] = (x, y)
            slot += 1
        last_angle = -math.pi / 2 + (slot - 1) * step
        arcs.append(_arc(cx, cy, radius - 16, first_angle, last_angle, colour))
        legend.append({"label": group["label"], "colour": colour, "count": len(group["partners"])})
        slot += 1

    edges = []
    for c in collaborations:
        if c.first_id in positions and c.second_id in positions:
            (x1, y1), (x2, y2) = positions[c.first_id], positions[c.second_id]
            # Bend towards the centre, so lines between neighbours stay near the rim.
            qx, qy = cx + (x1 + x2 - 2 * cx) * 0.25, cy + (y1 + y2 - 2 * cy) * 0.25
            edges.append(
                {
                    "d": f"M{x1:.1f},{y1:.1f} Q{qx:.1f},{qy:.1f} {x2:.1f},{y2:.1f}",
                    "title": f"{c.first.name} – {c.second.name}" + (f": {c.note}" if c.note else ""),
                }
            )

    columns = max(1, int((width - 40) // LEGEND_COLUMN))
    legend_top = cy + radius + 50
    for i, entry in enumerate(legend):
        entry["x"] = 20 + (i % columns) * LEGEND_COLUMN
        entry["y"] = round(legend_top + (i // columns) * 24)
    rows = math.ceil(len(legend) / columns) if legend else 0
    height = legend_top + rows * 24 + 10
    return {
        "width": round(width),
        "height": round(height),
        "nodes": nodes,
        "arcs": arcs,
        "edges": edges,
        "legend": legend,
        "count": count,
        "group_count": len(groups),
        "edge_count": len(edges),
    }


def _arc(cx, cy, r, start, end, colour):
    x1, y1 = cx + r * math.cos(start), cy + r * math.sin(start)
    if abs(end - start) < 1e-6:  # one partner: a short arc around its point
        start, end = start - 0.05, end + 0.05
        x1, y1 = cx + r * math.cos(start), cy + r * math.sin(start)
    x2, y2 = cx + r * math.cos(end), cy + r * math.sin(end)
    large = 1 if end - start > math.pi else 0
    return {"d": f"M{x1:.1f},{y1:.1f} A{r:.1f},{r:.1f} 0 {large} 1 {x2:.1f},{y2:.1f}", "colour": colour}


def render_svg(partners, collaborations, *, element_id="network-picture") -> str:
    return render_to_string(
        "network/_picture.svg", {"pic": layout(partners, collaborations), "element_id": element_id}
    )
