"""Names of networks as people read them in titles."""

from __future__ import annotations

__all__ = ["display_name"]


def display_name(name: str) -> str:
    """A network's name for a title: an all-lowercase name gets a capital first letter.

    Folder and file names are often written in lowercase (``nordstadt``); a title
    reads "Nordstadt". A name with any capital letter is kept as it was written.
    The report, the comparison report and the explorer title their pages with it.

    Parameters
    ----------
    name : str
        The name as written (a folder or file name, or ``Network.name``).

    Returns
    -------
    str

    Examples
    --------
    >>> display_name("nordstadt"), display_name("NordStadt-2024"), display_name("eXtra")
    ('Nordstadt', 'NordStadt-2024', 'eXtra')
    >>> display_name("ölmühle west"), display_name("2024_ost")
    ('Ölmühle west', '2024_ost')
    """
    if name and name == name.lower() and name[0].isalpha():
        return name[0].upper() + name[1:]
    return name
