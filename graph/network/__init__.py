"""Networks: views of the store as NetworkX graphs, filters, ego networks."""
