"""The derivations symgrad ships and checks by default (installed as ``symgrad_derivations``)."""
