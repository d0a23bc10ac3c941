"""Finding any case, open or closed: by reference, phone, caller's name, address or words."""
