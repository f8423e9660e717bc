"""The live activities beyond the notes board, one module each. A kind module registers its KindSpec with
`allin.live.registry` when LiveConfig.ready() imports it; nothing imports this package's modules through here."""
