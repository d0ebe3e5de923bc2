"""Text -> model: layout, labels, speakers, blocks, figures, corrections.

Also the batch that reads many files into the library.
"""
