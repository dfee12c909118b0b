"""`{% cached name value … %}…{% endcached %}`: the block's output kept in the cache under a digest
of the values and the active language (outreach/fragments.py). The values must be all that the
block's output depends on."""

from django import template

from outreach.fragments import cached_fragment

register = template.Library()


class CachedNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        values = [value.resolve(context) for value in self.values]
        # A node's output is not escaped again: what the block rendered was escaped where it
        # had to be, and comes back from the cache as it was.
        return cached_fragment(self.name, values, lambda: self.nodelist.render(context))


@register.tag
def cached(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("{% cached %} takes a name and at least one value.")
    nodelist = parser.parse(("endcached",))
    parser.delete_first_token()
    return CachedNode(bits[1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
