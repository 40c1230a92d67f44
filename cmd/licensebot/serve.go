package main

import (
	"context"
	"errors"
)

type serveCommand struct{ m *Main }

func (c *serveCommand) Run(ctx context.Context, args []string) error {
	return errors.New("serve: not wired yet")
}

type registerCommand struct{ m *Main }

func (c *registerCommand) Run(ctx context.Context, args []string) error {
	return errors.New("commands register: not wired yet")
}
